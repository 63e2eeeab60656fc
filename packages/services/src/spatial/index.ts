export * from './selection.js';
export * from './hotspots.js';
export * from './kde.js';
export * from './knox.js';
export * from './nni.js';
export * from './geojson.js';

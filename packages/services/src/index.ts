export * from './agency/init-agency.js';
export * from './agency/require-agency.js';
export * from './units/import-units.js';
export * from './import/import-incidents.js';
export * from './report/compstat-report.js';
export * from './demo/seed-demo.js';
export * from './store/open-store.js';
export * from './quarantine/list-quarantine.js';

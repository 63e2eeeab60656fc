/** proj4js-definitions ships no types: an array of [`EPSG:code`, PROJ string] pairs. */
declare module 'proj4js-definitions' {
  const definitions: [string, string][];
  export default definitions;
}

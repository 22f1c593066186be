declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
  const maplibregl: unknown;
  export default maplibregl;
}

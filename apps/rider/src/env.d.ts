interface ImportMetaEnv {
  /** Optional raster tile template (https://…/{z}/{x}/{y}.png); without it the map draws only our own data. */
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}

/** The backdrop's colours under a basemap, so land and sea match where its tiles end. */
export interface BasemapPalette {
  land: string;
  water: string;
  coast: string;
}

export const BACKDROP_PALETTE: BasemapPalette = { land: '#f3f1ec', water: '#c9d7e3', coast: '#a9b8c6' };

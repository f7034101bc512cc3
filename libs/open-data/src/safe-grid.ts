/**
 * The grid reports are published on: cells of 0.002° latitude by 0.003° longitude, about 220 m by
 * 210 m here, each report shown at its cell's centre. Fine enough for a map of where streetlights
 * fail or waste is dumped, too coarse to point at a house (the street address is never published).
 */
export const GRID = { lat: 0.002, lon: 0.003 } as const;

export function onGrid(lat: number, lon: number): { lat: number; lon: number } {
  const centre = (value: number, step: number) =>
    Number(((Math.floor(value / step) + 0.5) * step).toFixed(4));
  return { lat: centre(lat, GRID.lat), lon: centre(lon, GRID.lon) };
}

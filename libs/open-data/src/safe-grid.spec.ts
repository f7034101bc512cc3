import { GRID, onGrid } from './safe-grid';

describe('onGrid', () => {
  it('puts every point of a cell on the cell’s centre', () => {
    expect(onGrid(50.8279, 3.2649)).toEqual({ lat: 50.827, lon: 3.2655 });
    expect(onGrid(50.8261, 3.2641)).toEqual({ lat: 50.827, lon: 3.2655 });
    expect(onGrid(50.8281, 3.2649)).toEqual({ lat: 50.829, lon: 3.2655 });
  });

  it('moves a point at most half a cell', () => {
    for (let i = 0; i < 200; i++) {
      const lat = 50.7 + Math.random() * 0.3;
      const lon = 3.0 + Math.random() * 0.5;
      const p = onGrid(lat, lon);
      expect(Math.abs(p.lat - lat)).toBeLessThanOrEqual(GRID.lat / 2 + 1e-9);
      expect(Math.abs(p.lon - lon)).toBeLessThanOrEqual(GRID.lon / 2 + 1e-9);
    }
  });
});

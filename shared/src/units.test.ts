import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from './units.ts';

describe('parseUnitsCsv', () => {
  it('reads quoted cells with commas and maps the unit type', () => {
    const units = parseUnitsCsv('code,full_name,type,merged_from\n05533,Phường Bá Xuyên,Phường,"Phường Mỏ Chè, Xã Châu Sơn"\n01849,Xã Phong Quang,Xã,"Xã A, Xã B"\n');
    expect(units).toEqual([
      { code: '05533', name: 'Phường Bá Xuyên', type: 'ward' },
      { code: '01849', name: 'Xã Phong Quang', type: 'commune' },
    ]);
  });
  it('refuses a file that is not the units list', () => {
    expect(() => parseUnitsCsv('a,b\n1,2')).toThrow(/code/);
  });
});

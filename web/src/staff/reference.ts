// Reference data the console reads around the dossiers: the catalog (labels of fields and
// document slots, as the app already keeps it in IndexedDB), the communes, and the holiday
// calendar the deadline badges are counted with. Fetched once per console session.
import { calendar as makeCalendar, type WorkCalendar } from '@hsc/shared/workdays';
import type { Procedure, Unit } from '@hsc/shared/schemas';
import { useEffect, useState } from 'react';
import { listProcedures, listUnits } from '../db/catalog.ts';
import { getHolidays, getProcedures, getUnits } from './api/endpoints.ts';

export interface Reference {
  procedures: ReadonlyMap<string, Procedure>;
  units: ReadonlyMap<string, Unit>;
  /** Null until the server's calendar arrived: badges then come from the server's answer. */
  calendar: WorkCalendar | null;
}

const EMPTY: Reference = { procedures: new Map(), units: new Map(), calendar: null };
let loaded: Promise<Reference> | null = null;

async function fromDeviceOrServer<T>(local: () => Promise<T[]>, remote: () => Promise<T[]>): Promise<T[]> {
  // The citizen side of the app keeps these in IndexedDB; the server is asked when the device
  // has none yet (a desk PC that never opened the citizen screens).
  const stored = await local().catch(() => []);
  if (stored.length) return stored;
  return remote().catch(() => []);
}

async function load(): Promise<Reference> {
  const [procedures, units, holidays] = await Promise.all([
    fromDeviceOrServer(listProcedures, () => getProcedures().then((c) => c.procedures)),
    fromDeviceOrServer(listUnits, () => getUnits().then((u) => u.units)),
    getHolidays().then((h) => ({ off: h.holidays.map((d) => d.date), worked: (h.workdays ?? []).map((d) => d.date) }), () => null),
  ]);
  return {
    procedures: new Map(procedures.map((p) => [p.code, p])),
    units: new Map(units.map((u) => [u.code, u])),
    calendar: holidays ? makeCalendar(holidays.off, holidays.worked) : null,
  };
}

export function resetReference(): void {
  loaded = null;
}

export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>(EMPTY);
  useEffect(() => {
    let live = true;
    // An incomplete answer (offline) is not kept, so the next screen asks again.
    loaded ??= load().then((r) => {
      if (!r.calendar || r.procedures.size === 0) loaded = null;
      return r;
    });
    void loaded.then((r) => live && setRef(r));
    return () => {
      live = false;
    };
  }, []);
  return ref;
}

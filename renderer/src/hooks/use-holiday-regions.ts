import { useEffect, useState } from 'react';
import type { HolidayCountry } from '../../../shared/ipc/contract';
import { api } from '../api/api';

let cache: Promise<HolidayCountry[]> | null = null;

/** The countries and subdivisions date-holidays knows, fetched once from the main side. */
export function useHolidayRegions(): { countries: HolidayCountry[]; error: string | null } {
  const [countries, setCountries] = useState<HolidayCountry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cache ??= api.ref.holidayRegions({});
    cache.then(
      (list) => live && setCountries(list),
      (e: Error) => {
        cache = null;
        if (live) setError(`Holiday regions could not be loaded: ${e.message}`);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { countries, error };
}

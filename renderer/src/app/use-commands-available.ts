import { useEffect, useState } from 'react';
import { onCommandsChanged } from '../hooks/command-bus';

/** Re-renders the caller whenever a feature registers or drops a command (menus grey out what nothing handles). */
export function useCommandsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onCommandsChanged(() => setVersion((v) => v + 1)), []);
  return version;
}

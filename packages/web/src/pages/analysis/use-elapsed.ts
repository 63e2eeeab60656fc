import { useEffect, useState } from 'react';

/** Whole seconds since `active` last became true (0 while inactive); ticks every 250 ms. */
export function useElapsed(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const start = Date.now();
    const tick = () => setSeconds(Math.floor((Date.now() - start) / 1000));
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [active]);
  return active ? seconds : 0;
}

/** Run sizes of the property suite: normal CI runs, and MESHROUTE_LONG=1 for ×10. */
export const LONG = process.env.MESHROUTE_LONG === '1';
export function runs(normal: number): number {
  return LONG ? normal * 10 : normal;
}

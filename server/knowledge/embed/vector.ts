/** L2 normalisation; the zero vector stays zero (it is similar to nothing). */
export function normalizeVector(v: readonly number[]): number[] {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? v.map((x) => x / norm) : [...v];
}

/** Copies through JSON, so in-memory stores hand back exactly what the file stores would. */
export function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

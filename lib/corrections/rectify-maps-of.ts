// The `rectify` maps of a source's configuration (correctable field → the source's own column or
// field), wherever its type keeps them (a SQL source per table). Read from the config as written,
// so the connectors file, the form and the checks need no knowledge of any one type's internals.

export type RectifyMap = { path: Array<string | number>; fields: string[] };

export function rectifyMapsOf(config: unknown, path: Array<string | number> = []): RectifyMap[] {
  if (Array.isArray(config)) return config.flatMap((item, index) => rectifyMapsOf(item, [...path, index]));
  if (typeof config !== "object" || config === null) return [];
  return Object.entries(config).flatMap(([key, value]) => {
    if (key === "rectify" && typeof value === "object" && value !== null && !Array.isArray(value)) {
      return [{ path: [...path, key], fields: Object.keys(value) }];
    }
    return rectifyMapsOf(value, [...path, key]);
  });
}

/** Every correctable field a source maps somewhere in its configuration. */
export function fieldsMappedBy(config: unknown): Set<string> {
  return new Set(rectifyMapsOf(config).flatMap((map) => map.fields));
}

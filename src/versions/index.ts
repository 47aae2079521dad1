// Public face of src/versions: vendor version strings <-> comparable versions. Pure: no I/O.
//   parseVersion / formatVersion / detectScheme / toVersion   text <-> Version   (parse.ts)
//   compareVersions / inFamily                                ordering, product generations (compare.ts)
//   parseRange / satisfies                                    the range syntax of definitions (range.ts)
export { detectScheme, formatVersion, parseVersion, toVersion, VersionError } from './parse.js';
export type { Scheme, Version } from './parse.js';
export { compareVersions, inFamily } from './compare.js';
export type { VersionLike } from './compare.js';
export { parseRange, satisfies, VersionRangeError } from './range.js';
export type { Comparator, Operator, VersionRange } from './range.js';

// Pure parsers for what CLUSTERPRO X leaves on a server: the output of `rpm -qi clusterpro`
// and the mirror disk resources of clp.conf. No I/O here; clusterpro.ts reads and runs.
//
// rpm -qi prints either two columns per line ("Version : 2.0.0   Vendor: (none)", spaces or tabs,
// as in every example of the update procedure) or one field per line (newer rpm). Summary names
// the product line and the architecture: "CLUSTERPRO X 2.0 for Linux(x86_64)", and
// "(i386/vmware)" for VMware ESX 3.5.

/** The architectures the update procedure knows, as the `arch` question spells them. */
export type ClusterproArch = 'i686' | 'x86_64' | 'ia64' | 'ppc64' | 'vmware';

/**
 * Which product family the package belongs to. Only `x2` may take the update; the others are
 * the seed's "do not apply" list (the wizard definition turns them into blockers with the reason).
 */
export type ClusterproProduct = 'x2' | 'x1' | 'sss' | 'legacy' | 'other';

export interface ClusterproRpm {
  installed: boolean;
  name?: string;
  /** rpm Version: and Release: as printed, e.g. "2.0.0" and "1". */
  version?: string;
  release?: string;
  /** Version-Release as the procedure writes it: "2.0.0-1". */
  versionRelease?: string;
  summary?: string;
  arch?: ClusterproArch;
  /** Absent when the package is not installed. */
  product?: ClusterproProduct;
  /** Why the product is not x2 (the definition's blockers carry the refusal itself). */
  productReason?: ProductReason;
}

// Right-hand labels of rpm's two-column layout; a left value ends where one of them starts.
const RIGHT_LABELS = ['Relocations', 'Vendor', 'Build Date', 'Build Host', 'Source RPM', 'License', 'Signature'];
const RIGHT = new RegExp(`[\\t ]+(?:${RIGHT_LABELS.join('|')})[\\t ]*:.*$`);

/** The fields of `rpm -qi` output by label (first occurrence), values trimmed. */
export function rpmFields(output: string): Map<string, string> {
  const fields = new Map<string, string>();
  const lines = output.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Z][A-Za-z ]*?)[\t ]*:[\t ]?(.*)$/.exec(lines[i] ?? '');
    if (!m || m[1] === undefined) continue;
    const label = normalLabel(m[1]);
    let value = (m[2] ?? '').replace(RIGHT, '').trim();
    // "Description :" is followed by the text on the next line(s).
    if (label === 'description' && value === '') value = (lines[i + 1] ?? '').trim();
    if (!fields.has(label)) fields.set(label, value);
  }
  return fields;
}

function normalLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ');
}

const ARCH_IN_SUMMARY: ReadonlyArray<[RegExp, ClusterproArch]> = [
  [/\(\s*i386\s*\/\s*vmware\s*\)/i, 'vmware'],
  [/\(\s*vmware\s*\/\s*i386\s*\)/i, 'vmware'],
  [/\(\s*x86_64\s*\)/i, 'x86_64'],
  [/\(\s*ia64\s*\)/i, 'ia64'],
  [/\(\s*ppc64\s*\)/i, 'ppc64'],
  [/\(\s*i[3-6]86\s*\)/i, 'i686'],
];

/** The architecture named in a Summary line such as "CLUSTERPRO X 2.0 for Linux(i386/vmware)". */
export function archFromSummary(summary: string): ClusterproArch | undefined {
  for (const [re, arch] of ARCH_IN_SUMMARY) if (re.test(summary)) return arch;
  return undefined;
}

/** Why a package is not CLUSTERPRO X 2.x: a message key of the catalogue and its parameters. */
export interface ProductReason {
  key: 'x1' | 'sss' | 'ul' | 'legacy' | 'notX2';
  params: Record<string, string>;
}

/** The product family, from the whole output (Summary, Description, any UL number it carries). */
export function classifyProduct(summary: string, version: string | undefined, whole: string): {
  product: ClusterproProduct;
  reason?: ProductReason;
} {
  const ul = /\bUL(?:4006|4254)(?:-\d+)?/i.exec(whole);
  if (ul) return { product: 'legacy', reason: { key: 'ul', params: { ul: ul[0] } } };
  if (/SingleServerSafe/i.test(whole)) return { product: 'sss', reason: { key: 'sss', params: { summary } } };
  const line = /CLUSTERPRO\s+X\s+(\d+)\.(\d+)/i.exec(summary);
  if (line?.[1] === '1') return { product: 'x1', reason: { key: 'x1', params: { summary } } };
  if (line?.[1] === '2') return { product: 'x2' };
  // "CLUSTERPRO for Linux" without the X: the older UL4006/UL4254 generation.
  if (!line && /CLUSTERPRO/i.test(summary)) return { product: 'legacy', reason: { key: 'legacy', params: { summary } } };
  return { product: 'other', reason: { key: 'notX2', params: { summary: summary || version || '?' } } };
}

/** Parses `rpm -qi clusterpro`; "package clusterpro is not installed" (or nothing) gives installed: false. */
export function parseRpmQi(output: string): ClusterproRpm {
  const fields = rpmFields(output);
  const version = fields.get('version');
  if (/is not installed/i.test(output) || version === undefined || version === '') {
    return { installed: false };
  }
  const release = fields.get('release') || undefined;
  const summary = fields.get('summary') ?? '';
  // Older rpm has no Architecture: field; the procedure reads the arch from the Summary.
  const arch = archFromSummary(summary) ?? archFromSummary(fields.get('description') ?? '') ?? archField(fields.get('architecture'));
  const { product, reason } = classifyProduct(summary, version, output);
  const result: ClusterproRpm = {
    installed: true,
    version,
    product,
    ...(fields.get('name') !== undefined ? { name: fields.get('name') as string } : {}),
    ...(release !== undefined ? { release, versionRelease: `${version}-${release}` } : {}),
    ...(summary !== '' ? { summary } : {}),
    ...(arch !== undefined ? { arch } : {}),
    ...(reason !== undefined ? { productReason: reason } : {}),
  };
  return result;
}

function archField(value: string | undefined): ClusterproArch | undefined {
  if (value === undefined) return undefined;
  if (value === 'x86_64' || value === 'ia64' || value === 'ppc64') return value;
  if (/^i[3-6]86$/.test(value)) return 'i686';
  return undefined;
}

/**
 * Names of the mirror disk resources in clp.conf (`<md name="md1">`), in file order, deduplicated.
 * Only names that can safely reach an argv are returned.
 */
export function mirrorResources(clpConf: string): string[] {
  const names: string[] = [];
  for (const m of clpConf.matchAll(/<md\s+name\s*=\s*"([^"]*)"/g)) {
    const name = m[1] ?? '';
    if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

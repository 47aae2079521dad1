// `upgrade-wizard detect [--root DIR] [--media DIR]`: what the wizard can tell about this
// machine (or the sandbox), each value with its evidence. Reads only.
import { resolve } from 'node:path';
import type { Detection } from '../model/facts.js';
import { parseOptions } from './args.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { detectFor, normalizeRoot } from '../detect/index.js';
import { productFound } from '../detect/found.js';
import { loadAllDefinitions, loadProduct } from '../plan/load.js';
import { writeOut } from '../io/stdio.js';

const spec = {
  help: { type: 'boolean', short: 'h', default: false },
  json: { type: 'boolean', default: false },
  root: { type: 'string' },
  media: { type: 'string' },
  product: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const o = parseOptions('detect', args, spec);
  if (o.help) {
    writeOut(t('plan.detect.help'));
    return 0;
  }
  const defs = o.product === undefined ? loadAllDefinitions().definitions : [loadProduct(o.product)];
  const root = normalizeRoot(o.root);
  const media = o.media === undefined ? undefined : resolve(o.media);
  const found: { product: string; detections: Detection[] }[] = [];
  for (const def of defs) {
    const detections = await detectFor(def, { root, ...(media === undefined ? {} : { media }) });
    found.push({ product: def.id, detections });
  }
  if (o.json) {
    const rows = found.flatMap((f) => f.detections.map((d) => ({ product: f.product, ...d })));
    writeOut(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [media === undefined ? t('plan.detect.headerNoMedia', { root: root || '/' }) : t('plan.detect.header', { root: root || '/', media })];
  for (const f of found) {
    if (!productFound(defs.find((d) => d.id === f.product), f.detections)) continue;
    out.push('', `${f.product}:`);
    for (const d of f.detections) {
      const value = Array.isArray(d.value) ? (d.value.length === 0 ? t('plan.detect.none') : d.value.join(',')) : d.value;
      out.push(`  ${d.question} = ${value}`, `      ${d.evidence}`);
    }
  }
  if (out.length === 1) out.push('', t('plan.detect.nothing'));
  writeOut(`${out.join('\n')}\n`);
  return 0;
}

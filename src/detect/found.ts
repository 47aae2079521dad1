// Whether detections say anything about a product. The OS is detected on every machine, for
// every product that asks for it: alone it is no sign that the product is installed here. Nor is
// an absence (a "no", an empty list): "no ShareTask licence on this CD" is true of any CD.
import type { Definition } from '../model/definition.js';
import type { Detection } from '../model/facts.js';

function isAbsence(d: Detection): boolean {
  return Array.isArray(d.value) ? d.value.length === 0 : d.value === 'no';
}

export function productFound(def: Definition | undefined, detections: readonly Detection[]): boolean {
  const osOnly = new Set(def?.questions.filter((q) => q.detect?.startsWith('os.')).map((q) => q.id));
  return detections.some((d) => !osOnly.has(d.question) && !isAbsence(d));
}

import { packPart } from '../pack/registry.js';
import type { SpecIssue } from './issues.js';
import type { LoadedSpec } from './load.js';
import type { TenderSpec } from './schema.js';

/** Checks the fields only the tender pack uses: price items, the scoring scale and the parts asked for. */
export function checkPack(spec: TenderSpec, at: LoadedSpec['locate']): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const lots = new Set((spec.tender.lots ?? []).map((lot) => String(lot.id)));
  const seen = new Map<string, number>();
  (spec.pricing?.items ?? []).forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      issues.push({
        code: 'DUPLICATE_ID',
        severity: 'error',
        message: `Price item id "${item.id}" is already used by item ${first + 1}. Give each price item its own id.`,
        position: at(['pricing', 'items', index, 'id']),
        field: `pricing.items[${index}].id`,
      });
    } else seen.set(item.id, index);
    if (item.lot !== undefined && !lots.has(String(item.lot))) {
      issues.push({
        code: 'LOT_UNKNOWN',
        severity: 'error',
        message: `Lot "${item.lot}" is not defined. ${lots.size ? `Lots are: ${[...lots].join(', ')}.` : 'Add it under tender.lots or remove the lot field.'}`,
        position: at(['pricing', 'items', index, 'lot']),
        field: `pricing.items[${index}].lot`,
      });
    }
  });
  const scale = spec.evaluation?.scale ?? [];
  scale.forEach((level, index) => {
    const previous = scale[index - 1];
    if (previous && level.score <= previous.score) {
      issues.push({
        code: 'SCALE_ORDER',
        severity: 'error',
        message: `Score ${level.score} (${level.label}) comes after score ${previous.score}. List the scale from the lowest score to the highest, each score once.`,
        position: at(['evaluation', 'scale', index, 'score']),
        field: `evaluation.scale[${index}].score`,
      });
    }
  });
  (spec.document.pack ?? []).forEach((id, index) => {
    if (packPart(id)?.needs === 'evaluation' && !spec.evaluation) {
      issues.push({
        code: 'PACK_PART_UNAVAILABLE',
        severity: 'error',
        message: `The ${id} part needs evaluation criteria, and this spec has none. Add an evaluation: section, or remove ${id} from document.pack.`,
        position: at(['document', 'pack', index]),
        field: `document.pack[${index}]`,
      });
    }
  });
  return issues;
}

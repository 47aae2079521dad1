// One question of the product's definition, with the input its type calls for. A detected
// value is pre-selected and marked with its evidence; validation errors show inline.
import { Box } from 'ink';
import { useKeys } from '../keys.js';
import { getLang, t } from '../i18n.js';
import type { Question } from '../../model/definition.js';
import type { Detection } from '../../model/facts.js';
import { Frame, bodyColumns, bodyRows } from '../components/Frame.js';
import { MultiSelect } from '../components/MultiSelect.js';
import { SelectList } from '../components/SelectList.js';
import { TextInput } from '../components/TextInput.js';
import { YesNo } from '../components/YesNo.js';
import { Lines, para } from '../lines.js';
import { useTermSize } from '../size.js';

export type AnswerValue = string | string[];

/** List answers are typed as one line, items separated by commas or spaces. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s.length > 0);
}

export function QuestionScreen({
  product,
  question,
  number,
  total,
  detected,
  initial,
  earlier,
  validate,
  onAnswer,
  onBack,
}: {
  product: string;
  question: Question;
  number: number;
  total: number;
  detected?: Detection;
  /** The definition's default; a detected value comes first. */
  initial?: AnswerValue;
  /** The operator's own answer, taken back with Esc: it comes before anything detected. */
  earlier?: AnswerValue;
  validate: (value: AnswerValue) => string | undefined;
  onAnswer: (value: AnswerValue) => void;
  onBack?: () => void;
}) {
  const size = useTermSize();
  const width = bodyColumns(size);
  const lang = getLang();
  useKeys((_input, key) => {
    if (key.escape && onBack) onBack();
  });
  const evidence = detected ? t('ui.question.detected', { evidence: detected.evidence }) : undefined;
  const head = [...para(question.text[lang], width, { bold: true })];
  if (question.help) head.push(...para(question.help[lang], width, { dim: true }));
  const keysFor: Record<Question['type'], string> = {
    choice: t('ui.keys.select'),
    multi: t('ui.keys.multi'),
    yesno: t('ui.keys.yesno'),
    version: t('ui.keys.text'),
    text: t('ui.keys.text'),
    path: t('ui.keys.text'),
    list: t('ui.keys.text'),
  };
  const keys = `${keysFor[question.type]}${onBack ? ` · ${t('ui.keys.back')}` : ''} · ${t('ui.keys.quit')}`;
  // The question id keys each input so that the next question starts with fresh state.
  const input = (() => {
    const detectedValue = detected?.value;
    // A detected value is what this machine says; the definition's default is a guess.
    const proposed = earlier ?? (question.secret ? undefined : detectedValue) ?? initial;
    switch (question.type) {
      case 'choice': {
        const items = (question.choices ?? []).map((c) => ({
          value: c.value,
          label: c.label[lang],
          hint: detectedValue === c.value ? t('ui.question.detectedShort') : undefined,
        }));
        const start = typeof proposed === 'string' ? proposed : undefined;
        return (
          <SelectList
            key={question.id}
            items={items}
            initial={start}
            width={width}
            maxRows={Math.max(3, bodyRows(size, keys) - head.length - 3)}
            onSubmit={(v) => {
              const problem = validate(v);
              if (problem === undefined) onAnswer(v);
            }}
          />
        );
      }
      case 'multi': {
        const detectedList = Array.isArray(detectedValue) ? detectedValue : [];
        const items = (question.choices ?? []).map((c) => ({
          value: c.value,
          label: c.label[lang],
          hint: detectedList.includes(c.value) ? t('ui.question.detectedShort') : undefined,
        }));
        const start = Array.isArray(proposed) ? proposed : typeof proposed === 'string' ? proposed.split(',') : [];
        return <MultiSelect key={question.id} items={items} initial={start} width={width} onSubmit={(v) => onAnswer(v)} />;
      }
      case 'yesno': {
        const start = typeof proposed === 'string' ? proposed : undefined;
        return <YesNo key={question.id} initial={start === 'yes'} onSubmit={(yes) => onAnswer(yes ? 'yes' : 'no')} />;
      }
      default: {
        const asText = (v: AnswerValue | undefined) => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : v);
        const start = asText(proposed);
        const toValue = (text: string): AnswerValue => (question.type === 'list' ? splitList(text) : text.trim());
        return (
          <TextInput
            key={question.id}
            initial={start}
            secret={question.secret === true}
            width={width}
            validate={(text) => validate(toValue(text))}
            onSubmit={(text) => onAnswer(toValue(text))}
          />
        );
      }
    }
  })();
  const evidenceLines = evidence && !question.secret ? para(evidence, width, { dim: true }, 2) : [];
  return (
    <Frame title={t('ui.question.title', { product })} subject={product} right={t('ui.question.count', { number, total })} keys={keys}>
      <Lines width={width} lines={head} />
      <Box marginTop={1} flexDirection="column">
        {input}
      </Box>
      <Lines width={width} lines={evidenceLines} />
    </Frame>
  );
}

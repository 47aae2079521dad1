// Welcome: where the wizard works, what it found on this machine (with the evidence),
// and, when an interrupted run is in the log dir, the offer to resume it. When the machine has
// not rebooted since the run stopped for a reboot, the first (default) choice is to quit and
// reboot: a reflexive Enter must not skip the reboot the vendor asks for.
import { Box } from 'ink';
import { useKeys } from '../keys.js';
import { t } from '../i18n.js';
import { Frame, bodyColumns, bodyRows } from '../components/Frame.js';
import { SelectList } from '../components/SelectList.js';
import { ScrollView, scrollPosition, useScroll } from '../components/Scroll.js';
import { Lines, blank, para, type Line } from '../lines.js';
import { useOnce } from '../hooks.js';
import { useTermSize } from '../size.js';
import { KEY_SEPARATOR } from '../text.js';

export interface FoundItem {
  label: string;
  value: string;
  evidence: string;
}

export interface FoundGroup {
  title: string;
  items: FoundItem[];
}

export interface ResumeOffer {
  product: string;
  startedAt?: string;
  /** Steps ended done or skipped. */
  doneCount: number;
  /** Of them, the skipped ones: said, as every count on the screens says them. */
  skipped?: number;
  total: number;
  next?: string;
  /** The machine has not rebooted since the run stopped for it: said, and the choice named so. */
  rebootMissing?: string;
}

export function Welcome({
  root,
  media,
  logDir,
  found,
  notices = [],
  resume,
  product,
  detectedSome = false,
  onContinue,
  onResume,
  onQuit,
}: {
  root: string;
  media?: string;
  logDir: string;
  found: FoundGroup[];
  notices?: string[];
  resume?: ResumeOffer;
  /** The product asked for (--product), named when nothing of it was found. */
  product?: string;
  /**
   * Something was detected though no product was recognised (the OS, an absence): the questions
   * propose it, so "nothing could be detected" would be contradicted on the next screen.
   */
  detectedSome?: boolean;
  onContinue: () => void;
  onResume: () => void;
  /** Leaves the wizard without changing anything (to reboot first). */
  onQuit?: () => void;
}) {
  const size = useTermSize();
  const width = bodyColumns(size);
  const once = useOnce();
  useKeys((_input, key) => {
    if (!resume && key.return) once(onContinue);
  });
  const lines: Line[] = [
    ...para(t('ui.welcome.intro'), width),
    blank,
    ...para(root ? t('ui.welcome.rootSandbox', { root }) : t('ui.welcome.rootReal'), width),
    ...para(media ? t('ui.welcome.media', { media }) : t('ui.welcome.noMedia'), width),
    ...para(t('ui.welcome.logDir', { dir: logDir }), width),
    blank,
    ...para(t('ui.welcome.found'), width, { bold: true }),
  ];
  const groups = found.filter((g) => g.items.length > 0);
  if (groups.length === 0) {
    const none = !detectedSome ? t('ui.welcome.nothingFound') : product ? t('ui.welcome.productNotFound', { product }) : t('ui.welcome.noProductFound');
    lines.push(...para(none, width, { dim: true }, 1));
  }
  for (const g of groups) {
    // Named even when it is the only one: the items are the questions of one product.
    lines.push(...para(g.title, width, { color: 'cyan' }, 1));
    for (const f of g.items) {
      lines.push(...para(`${f.label}: ${f.value}`, width, {}, 1, { text: '• ', color: 'green' }));
      lines.push(...para(t('ui.welcome.evidence', { evidence: f.evidence }), width, { dim: true }, 3));
    }
  }
  for (const n of notices) lines.push(...para(n, width, { color: 'yellow' }, 0, { text: '! ', color: 'yellow' }));
  // The offer wraps (a product's title can be half the line): the counts must not be cut off.
  const resumeLines: Line[] = [];
  if (resume) {
    const found = t(resume.skipped ? 'ui.welcome.resumeFoundSkipped' : 'ui.welcome.resumeFound', {
      product: resume.product,
      done: resume.doneCount,
      total: resume.total,
      skipped: resume.skipped ?? 0,
    });
    resumeLines.push(...para(found, width, { color: 'yellow', bold: true }));
    const next = resume.next ? t('ui.welcome.resumeNext', { step: resume.next }) : '';
    // When the run started comes first: after the next step it read as that step's start.
    const started = resume.startedAt ? t('ui.welcome.startedAt', { time: resume.startedAt }) : '';
    // The catalogue's own sentence end joins them (a space in English, none after 。).
    const detail = `${started}${next}`.trim();
    if (detail !== '') resumeLines.push(...para(detail, width, { dim: true }));
    if (resume.rebootMissing) resumeLines.push(...para(resume.rebootMissing, width, { color: 'yellow' }, 0, { text: '⚠ ', color: 'yellow' }));
  }
  // Below the scrolled lines: a blank row, the offer and its choices.
  const choices = !resume
    ? []
    : resume.rebootMissing && onQuit
      ? [
          { value: 'quit', label: t('ui.welcome.quitForReboot') },
          { value: 'resume', label: t('ui.welcome.resumeWithoutReboot') },
          { value: 'new', label: t('ui.welcome.startNew') },
        ]
      : [
          { value: 'resume', label: t(resume.rebootMissing ? 'ui.welcome.resumeWithoutReboot' : 'ui.welcome.resumeIt') },
          { value: 'new', label: t('ui.welcome.startNew') },
        ];
  const keys = resume ? `${t('ui.keys.select')}${KEY_SEPARATOR}${t('ui.keys.quit')}` : t('ui.keys.continue');
  const scrollKeys = `${keys} · ${t(resume ? 'ui.keys.page' : 'ui.keys.scroll')}`;
  // The rows are counted with the scroll keys, which are shown only when they are needed.
  const height = bodyRows(size, scrollKeys) - (resume ? 1 + resumeLines.length + choices.length : 0);
  // With the resume choice on screen the arrows belong to it; the page keys still scroll.
  const offset = useScroll(lines.length, height, true, !resume);
  return (
    <Frame
      title={t('ui.welcome.title')}
      right={scrollPosition(offset, height, lines.length, true)}
      keys={lines.length > height ? scrollKeys : keys}
    >
      <ScrollView width={width} lines={lines} height={Math.min(height, lines.length)} offset={offset} />
      {resume ? (
        <Box flexDirection="column" marginTop={1}>
          <Lines width={width} lines={resumeLines} />
          <SelectList
            width={width}
            items={choices}
            onSubmit={(v) => (v === 'quit' ? onQuit?.() : v === 'resume' ? onResume() : onContinue())}
          />
        </Box>
      ) : null}
    </Frame>
  );
}

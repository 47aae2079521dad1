// Which product to upgrade: one line per wizard definition, the focused one's summary below.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { t } from '../i18n.js';
import { Frame, bodyColumns, bodyRows } from '../components/Frame.js';
import { SelectList, type Item } from '../components/SelectList.js';
import { Lines, para } from '../lines.js';
import { useTermSize } from '../size.js';

export function ProductScreen({
  items,
  initial,
  onSubmit,
}: {
  items: (Item & { summary?: string })[];
  initial?: string;
  onSubmit: (id: string) => void;
}) {
  const size = useTermSize();
  const width = bodyColumns(size);
  const [focused, setFocused] = useState(initial ?? items[0]?.value);
  const summary = items.find((i) => i.value === focused)?.summary;
  const rows = bodyRows(size, t('ui.keys.select'));
  const listRows = Math.min(items.length, rows - 8);
  const summaryLines = summary ? para(summary, width, { dim: true }, 2).slice(0, rows - listRows - 3) : [];
  return (
    <Frame title={t('ui.product.title')} keys={t('ui.keys.select')}>
      <Text bold>{t('ui.product.question')}</Text>
      <Text> </Text>
      <SelectList items={items} initial={initial} onSubmit={onSubmit} onHighlight={setFocused} width={width} maxRows={listRows} />
      <Box marginTop={1}>
        <Lines width={width} lines={summaryLines} />
      </Box>
    </Frame>
  );
}

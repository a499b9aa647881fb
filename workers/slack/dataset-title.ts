import { titleText } from '../conversation/dataset-words';
import type { DatasetTitle } from '../conversation/reply';
import { safe } from './slack-content';

/** A dataset's one-line title in mrkdwn, the name in bold: "*sales.csv* · 12,430 rows × 9 columns · Jan–Sep 2024". */
export function datasetTitleMrkdwn(title: DatasetTitle): string {
  return `*${safe(title.name)}* · ${safe(titleText(title, { details: true }))}`;
}

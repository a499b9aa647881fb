import type { DigestReply } from '../../../workers/conversation/reply';
import { replyHtml } from '../../../workers/playground/reply-html';

const DIGEST: DigestReply = {
  kind: 'digest',
  question: 'sales by <b>region</b>',
  tone: 'news',
  headline: 'Sales was $81.8K in Nov 2017, up $4.3K (5.6%) on Oct 2017.',
  insights: ['Drivers by Region: <script>alert(1)</script> (+$9.1K, 212% of the change).'],
  source: 'sales & co.csv, uploaded Monday 7 December 2026 at 9:02',
  charts: [],
};

/** The text a person reads, tags dropped and entities decoded as a browser would. */
function visible(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the playground’s digest post', () => {
  it('shows the question, the headline in bold, each finding and the file, with markup in them as text', () => {
    const markup = replyHtml(DIGEST);

    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>region');
    expect(markup).toContain('<p class="headline">Sales was $81.8K');
    expect(visible(markup)).toBe(
      '📅 Digest: sales by <b>region</b> Sales was $81.8K in Nov 2017, up $4.3K (5.6%) on Oct 2017. ' +
        'Drivers by Region: <script>alert(1)</script> (+$9.1K, 212% of the change). ' +
        '📄 sales & co.csv, uploaded Monday 7 December 2026 at 9:02',
    );
  });

  it('says a quiet run as a plain line, not a headline', () => {
    const markup = replyHtml({ ...DIGEST, tone: 'nothing-notable', headline: 'Nothing notable: …', insights: [] });

    expect(markup).not.toContain('class="headline"');
    expect(markup).not.toContain('<ul>');
  });
});

describe('the playground’s answers', () => {
  // Regression: a file name cell holding U+202E mirrored the rest of the answer on the page.
  it('drops the bidirectional overrides and controls a cell could use to make an answer read differently', () => {
    const markup = replyHtml({
      kind: 'problem',
      message: 'evil\u202eTXT.exe had the highest Sales: 400 (76% of the total)\u001b[5m',
    });

    expect(visible(markup)).toBe('⚠️ evilTXT.exe had the highest Sales: 400 (76% of the total)[5m');
  });
});

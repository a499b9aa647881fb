import { escapeMrkdwn, plainText } from '../../core/slack-text';

// core/slack-text.ts is shared with the worker's replies; its tests live with the edge that introduced it.
describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> look', '&lt;!channel&gt; look'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['<@U0123> and <#C0456>', '&lt;@U0123&gt; and &lt;#C0456&gt;'],
    ['<https://evil.example|totally safe>', '&lt;https://evil.example|totally safe&gt;'],
    ['P&L > 5 && < 10', 'P&amp;L &gt; 5 &amp;&amp; &lt; 10'],
    ['&lt; already', '&amp;lt; already'],
  ])('makes %j plain text', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('keeps a bare @channel, @here or @everyone from pinging even under link_names', () => {
    expect(escapeMrkdwn('hey @channel, @Here and @everyone')).toBe(
      'hey @\u200Bchannel, @\u200BHere and @\u200Beveryone',
    );
    expect(escapeMrkdwn('mail me at sam@channels.example')).toBe('mail me at sam@channels.example');
  });
});

describe('plainText', () => {
  it.each([
    ['profit &gt; 0 &amp; sales &lt; 10', 'profit > 0 & sales < 10'],
    ['sales in <#C0123|emea-sales>', 'sales in #emea-sales'],
    ['see <https://example.com/report|the report> and <https://example.com>', 'see the report and https://example.com'],
    ['<!here> revenue for <!subteam^S123|@finance>', 'revenue for @finance'],
    ['ask <@U0OTHER01> about   margin', 'ask about margin'],
    ['&amp;lt; stays as typed', '&lt; stays as typed'],
  ])('reads %j as %j', (delivered, typed) => {
    expect(plainText(delivered)).toBe(typed);
  });
});

describe('escapeMrkdwn and hidden characters', () => {
  // Regression: a cell holding U+202E mirrored the rest of an answer where it was shown.
  it('drops bidirectional overrides and control characters from file text', () => {
    expect(escapeMrkdwn('evil\u202eTXT.exe\u001b[5m <b>')).toBe('evilTXT.exe[5m &lt;b&gt;');
  });
});

/**
 * Statements and fragments of SQL typed into a question ("total sales; DROP
 * TABLE superstore; --"). Such a question is not read at all: a reader that
 * skips words it does not know would answer what is left, a different
 * question. Each pattern needs SQL's own sequence of words, so "select
 * customers in the West" and "the drop in sales" are questions.
 */
const SQL_PATTERNS: readonly RegExp[] = [
  /\b(?:drop|truncate|alter|create)\s+(?:table|database|schema|view|index|user)\b/i,
  /\bdelete\s+from\b/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+[\w"`[\]]+\s+set\b/i,
  /\bunion\s+(?:all\s+)?select\b/i,
  /\bselect\s+(?:\*|(?:count|sum|avg|min|max)\s*\()/i,
  /;\s*(?:--|\/\*|(?:drop|delete|insert|update|select|alter|create|truncate|grant|revoke|exec|execute|attach|copy|pragma)\b)/i,
  /'\s*(?:or|and)\s+'?\w+'?\s*=\s*'?\w+/i,
  /\/\*[\s\S]*\*\//,
];

/** The SQL words in a question, or null when it has none. */
export function sqlInQuestion(question: string): string | null {
  for (const pattern of SQL_PATTERNS) {
    const match = pattern.exec(question);
    if (match) return match[0].replace(/\s+/g, ' ').trim();
  }
  return null;
}

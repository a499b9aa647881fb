/**
 * Words a question can hold without naming data or changing what is asked:
 * question words, pronouns, articles, polite verbs, chart verbs. Every word of
 * a question must be one of these or be understood; anything else makes the
 * planner say it did not understand, rather than silently ignore it.
 *
 * Words that change the answer ("cumulative", "per order", "forecast") are
 * deliberately absent.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `a an the of for in on at to from with within into about over under up out as via
   me my our us we i you your yours it its this that these those there here their them they he she
   show showing shown give gives given tell get got list display displaying plot plotting chart graph draw
   visualize visualise visualization visualisation view see look looking find calculate compute work out
   what whats which who whom where when how why whose
   is are was were be been being am do does did done doing has have had having
   can could would should shall may might must please pls thanks thank kindly
   let lets want wanted need needed like know understand check
   all any some much many very really quite just so such
   data dataset datasets file files sheet spreadsheet values numbers figures metrics metric stats statistics
   info information report reports results result answer analysis analyze analyse
   performance performing perform performed doing done did look happen happened happening
   overall whole entire full general
   wise based respective respectively corresponding along together
   went go going goes come comes came coming make makes made bring brings brought generate generates generated
   sold bought buy buys purchased ordered
   said say says answered responded replied chose picked selected voted
   one ones thing things kind sort
   period periods time times
   than
   whether if or either both`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Nouns that mean "rows of this table" when counted: "how many records",
 * "number of transactions". Words from the dataset's own name ("strikes" in
 * birdstrikes.csv) count as well.
 */
export const ROW_NOUNS: ReadonlySet<string> = new Set(
  `row rows record records entry entries line lines observation observations transaction transactions
   event events incident incidents case cases occurrence occurrences instance instances item items
   response responses respondent respondents people`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Default service commitments (服务承诺), drawn from the conduct codes in the
 * source articles: 三有四不五心 and 七个一, and the nine counter systems.
 */
export interface CommitmentItem {
  text: string;
  timeLimit: string;
}

export const DEFAULT_COMMITMENTS: readonly CommitmentItem[] = [
  { text: '首问负责：您的事由我负责接待、解答或引导到位', timeLimit: '当场' },
  { text: '一次性告知：所需材料一次讲清、书面告知', timeLimit: '当场' },
  { text: '材料齐全、符合法定条件的婚姻登记当场办结', timeLimit: '当场办结' },
  { text: '来有迎声、问有答声、走有送声，微笑服务', timeLimit: '全程' },
  { text: '不推诿、不刁难、不吃拿卡要、不冷硬横推', timeLimit: '全程' },
  { text: '对您的投诉和意见及时回复', timeLimit: '5 个工作日内' },
];

/**
 * A commitment in one line for a slip: "首问负责：…（当场）"; a time limit the
 * text already says ("…婚姻登记当场办结" / 当场办结) is not repeated in brackets.
 */
export function commitmentLine(item: CommitmentItem): string {
  const limit = item.timeLimit.trim();
  return limit === '' || item.text.includes(limit) ? item.text : `${item.text}（${limit}）`;
}

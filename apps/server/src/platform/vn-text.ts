const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, accent-free, punctuation-free form used for search: "Nguyễn Văn An" → "nguyen van an". */
export function normalizeVn(text: string): string {
  // Plain ASCII (most bank memos): nothing to decompose, the same result without NFD and three passes.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

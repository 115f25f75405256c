/** Lower-case, accent-free, punctuation-free form used for search: "Nguyễn Văn An" → "nguyen van an". */
export function normalizeVn(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Vietnamese alphabetical order (a ă â b c d đ e ê …), shared by the server and the web app.
const collator = new Intl.Collator('vi', { numeric: true });

/** Compares two Vietnamese strings in dictionary order. */
export const compareVi = (a: string, b: string) => collator.compare(a, b);

const LEVEL_PREFIX = /^(Phường|Xã|Thị trấn|Đặc khu|Thôn|Tổ dân phố|Khu phố|Bản|Ấp)\s+/i;

/** Units in the order a person looks for them: by the proper name, then with the level word. */
export const compareUnitNames = (a: string, b: string) => compareVi(a.replace(LEVEL_PREFIX, ''), b.replace(LEVEL_PREFIX, '')) || compareVi(a, b);

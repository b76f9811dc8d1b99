/** BM25 saturation and length normalisation, shared by the section and the question index. */
export const K1 = 1.2;
export const B = 0.75;

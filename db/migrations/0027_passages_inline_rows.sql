-- A passage row (text, keyword tsvector, a 384-dimension vector: about 3 KB) is over the default 2 KB
-- toast target, so its vector was moved out of line and every exact vector ranking fetched it back
-- from the toast table (three buffer reads per passage). Rows up to a page stay whole in the heap.
-- Applies to rows written from now on (new and re-indexed documents).
ALTER TABLE "passages" SET (toast_tuple_target = 8160);

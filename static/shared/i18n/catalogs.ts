import { en } from './catalog-en';
import type { Catalog } from './catalog-en';
import { ja } from './catalog-ja';
import type { Lang } from './locale';

export const CATALOGS: { readonly [L in Lang]: Catalog } = { ja, en };

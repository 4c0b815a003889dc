import { bootPage } from '../../shared/shell/boot';

bootPage(() => import('./app'));

import type { WardPage } from '@contract/portal';
import { api } from '../../api';

export const portalApi = {
  ward: (code: string) => api.get<WardPage>(`/api/public/units/${encodeURIComponent(code)}`),
};

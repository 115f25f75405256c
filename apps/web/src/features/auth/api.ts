import type { LoginBody, Me } from '@contract/auth';
import { api } from '../../api';

export const authApi = {
  me: () => api.get<Me>('/api/me'),
  login: (body: LoginBody) => api.post<Me>('/api/auth/login', body),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  setLocale: (locale: 'vi' | 'en') => api.put<{ ok: true }>('/api/me/locale', { locale }),
};

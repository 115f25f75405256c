import type { LoginBody, Me } from '@contract/auth';
import type { ChangePassword, NotifySettings } from '@contract/users';
import { api } from '../../api';

export const authApi = {
  me: () => api.get<Me>('/api/me'),
  login: (body: LoginBody) => api.post<Me>('/api/auth/login', body),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  changePassword: (body: ChangePassword) => api.put<{ ok: true }>('/api/me/password', body),
  notifications: () => api.get<NotifySettings>('/api/me/notifications'),
  setNotifications: (body: NotifySettings) => api.put<NotifySettings>('/api/me/notifications', body),
  setLocale: (locale: 'vi' | 'en') => api.put<{ ok: true }>('/api/me/locale', { locale }),
};

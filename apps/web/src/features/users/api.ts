import type { CreateUser, UpdateUser, UserAccount } from '@contract/users';
import { api } from '../../api';

export const usersApi = {
  list: (q?: string) => api.get<UserAccount[]>('/api/users', { q }),
  get: (id: number) => api.get<UserAccount>(`/api/users/${id}`),
  create: (body: CreateUser) => api.post<UserAccount>('/api/users', body),
  update: (id: number, body: UpdateUser) => api.patch<UserAccount>(`/api/users/${id}`, body),
};

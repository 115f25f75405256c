import { defineModule } from '../../platform/module';
import { securityHandlers } from './endpoints';

/** Password change and granted permissions (see README "Security"). */
export const securityModule = defineModule({
  name: 'security',
  endpoints: securityHandlers,
});

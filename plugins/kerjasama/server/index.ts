import { routes } from './routes';
import { controllers } from './controllers';
import { services } from './services';
import { registerPermissionActions } from './permissions';

export default {
  register: registerPermissionActions,
  routes,
  controllers,
  services,
};

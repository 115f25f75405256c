// Each module's metrics register here, once, at start-up.
import { installMetrics } from '../platform/module';
import { MODULES } from './modules';
import './units/metrics';
import './org/metrics';
import './org/front-metrics';

installMetrics(MODULES);

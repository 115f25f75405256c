// Each module's metrics register here, once, at start-up.
import './units/metrics';
import './org/metrics';
import './fund/metrics';
import './petitions/metrics';
import './households/metrics';
import './targets/metrics';
import './direction/metrics';

// Each module's metrics register here, once, at start-up.
import './units/metrics';
import './org/metrics';

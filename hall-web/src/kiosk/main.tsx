import { mount } from '../mount';
import { KioskApp } from './KioskApp';
import './kiosk.css';

mount(<KioskApp />);

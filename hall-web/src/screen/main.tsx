import { mount } from '../mount';
import { ScreenApp } from './ScreenApp';
import './screen.css';

mount(<ScreenApp />);

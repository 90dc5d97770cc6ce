import { mount } from '../mount';
import { ConsoleApp } from './ConsoleApp';
import '../../../renderer/src/styles.css';
import './console.css';

document.body.classList.add('is-console');
mount(<ConsoleApp />);

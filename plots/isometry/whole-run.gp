# Training loss of every step, and its moving average over 9 steps, written by compare-inits.
# Re-render with `gnuplot whole-run.gp` in this folder (reads whole-run.dat).
reset
set terminal pngcairo size 960,640 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'whole-run.png'
set title 'The whole training: loss of every step (faint), its moving average over 9 steps'
set xlabel 'Steps'
set ylabel 'Loss'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:480]
plot 'whole-run.dat' using 1:2 with lines linetype 1 linewidth 1 dashtype 1 linecolor rgb '#C0000000' notitle, \
     '' using 1:3 with lines linetype 1 title 'tanh Gaussian, 8 layers (val. acc. 79.77% ± 0.20)', \
     '' using 1:4 with lines linetype 2 linewidth 1 dashtype 1 linecolor rgb '#C0E69F00' notitle, \
     '' using 1:5 with lines linetype 2 title 'tanh orthogonal, 8 layers (val. acc. 78.94% ± 0.20)', \
     '' using 1:6 with lines linetype 3 linewidth 1 dashtype 1 linecolor rgb '#C056B4E9' notitle, \
     '' using 1:7 with lines linetype 3 title 'ReLU He Gaussian, 8 layers (val. acc. 81.41% ± 0.57)', \
     '' using 1:8 with lines linetype 4 linewidth 1 dashtype 1 linecolor rgb '#C0009E73' notitle, \
     '' using 1:9 with lines linetype 4 title 'ReLU orthogonal, 8 layers (val. acc. 81.14% ± 1.13)', \
     '' using 1:10 with lines linetype 5 linewidth 1 dashtype 1 linecolor rgb '#C00072B2' notitle, \
     '' using 1:11 with lines linetype 5 title 'tanh Gaussian, 32 layers (val. acc. 81.56% ± 0.36)', \
     '' using 1:12 with lines linetype 6 linewidth 1 dashtype 1 linecolor rgb '#C0D55E00' notitle, \
     '' using 1:13 with lines linetype 6 title 'tanh orthogonal, 32 layers (val. acc. 82.79% ± 0.27)', \
     '' using 1:14 with lines linetype 7 linewidth 1 dashtype 1 linecolor rgb '#C0CC79A7' notitle, \
     '' using 1:15 with lines linetype 7 title 'ReLU He Gaussian, 32 layers (val. acc. 80.44% ± 0.58)', \
     '' using 1:16 with lines linetype 8 linewidth 1 dashtype 1 linecolor rgb '#C0B8A200' notitle, \
     '' using 1:17 with lines linetype 8 title 'ReLU orthogonal, 32 layers (val. acc. 81.60% ± 0.29)', \
     '' using 1:18 with lines linetype 9 linewidth 1 dashtype 1 linecolor rgb '#C0000000' notitle, \
     '' using 1:19 with lines linetype 9 title 'tanh Gaussian, 128 layers (val. acc. 77.53% ± 2.07)', \
     '' using 1:20 with lines linetype 10 linewidth 1 dashtype 1 linecolor rgb '#C0E69F00' notitle, \
     '' using 1:21 with lines linetype 10 title 'tanh orthogonal, 128 layers (val. acc. 84.07% ± 0.54)', \
     '' using 1:22 with lines linetype 11 linewidth 1 dashtype 1 linecolor rgb '#C056B4E9' notitle, \
     '' using 1:23 with lines linetype 11 title 'ReLU He Gaussian, 128 layers (val. acc. 30.19% ± 12.57)', \
     '' using 1:24 with lines linetype 12 linewidth 1 dashtype 1 linecolor rgb '#C0009E73' notitle, \
     '' using 1:25 with lines linetype 12 title 'ReLU orthogonal, 128 layers (val. acc. 44.91% ± 10.38)'

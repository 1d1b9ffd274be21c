# Training loss of the first 480 batches, written by compare-inits.
# Re-render with `gnuplot depth-128.gp` in this folder (reads depth-128.dat).
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
set output 'depth-128.png'
set title '128 hidden layers of 256'
set xlabel 'Batches'
set ylabel 'Loss (log scale)'
set grid
set key outside below center horizontal maxcols 2 height 1.5
set datafile missing '?'
set xrange [1:480]
set logscale y
plot 'depth-128.dat' using 1:2 with lines linetype 1 title 'tanh Gaussian, 128 layers (val. acc. 77.53% ± 2.07)', \
     '' using 1:3 with lines linetype 2 title 'tanh orthogonal, 128 layers (val. acc. 84.07% ± 0.54)', \
     '' using 1:4 with lines linetype 3 title 'ReLU He Gaussian, 128 layers (val. acc. 30.19% ± 12.57)', \
     '' using 1:5 with lines linetype 4 title 'ReLU orthogonal, 128 layers (val. acc. 44.91% ± 10.38)'

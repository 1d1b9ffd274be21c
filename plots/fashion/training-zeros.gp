# Update ratio and activation std over training, written by compare-inits.
# Re-render with `gnuplot training-zeros.gp` in this folder (reads training-zeros.dat).
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
set output 'training-zeros.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot layout 1,2 title 'All Zeros, seed 1: what training does inside the network'
set key outside below center horizontal maxcols 4
set title 'Update ratio ||dW|| / ||W|| of each layer'
set xlabel 'Step (log scale)'
set ylabel 'Update ratio (log scale)'
set logscale xy
set yrange [0.1:10]
set label 1 'no weights changed: nothing to draw' at graph 0.5, 0.5 center
plot NaN notitle
unset label 1
unset logscale x
set title 'Activation std by layer, light to dark over the steps'
set xlabel 'Layer'
set ylabel 'Activation std (log scale)'
set xrange [0.8:2.2]
set xtics 1
set palette defined (0 '#9AD0F0', 1 '#00204A')
unset colorbox
set autoscale y
set yrange [0.1:10]
set label 1 'every activation is 0: nothing to draw' at graph 0.5, 0.5 center
plot NaN notitle
unset label 1
unset multiplot
